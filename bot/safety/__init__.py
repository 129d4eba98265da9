"""Crisis safety: risk levels, assessment of each message, and the filter on model replies."""
