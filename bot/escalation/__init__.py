"""Escalation and human handoff: crisis lines, safe replies, cases, the alert outbox and relay."""
