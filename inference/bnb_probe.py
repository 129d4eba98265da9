"""Whether bitsandbytes can quantize on this machine, checked before loading a quantized model.

A failed probe becomes one start-up message naming `[model] quantization`, instead of an
ImportError or RuntimeError from deep inside `from_pretrained`.
"""

from __future__ import annotations

import logging


def probe_bitsandbytes(device: str, bits: int) -> tuple[bool, str]:
    """(usable, reason) for `bits`-bit (4 or 8) bitsandbytes layers on `device` ("cuda:0")."""
    import torch

    # bitsandbytes 0.50 logs a harmless 'kernels-community' notice on AVX512-BF16 CPUs
    logging.getLogger("bitsandbytes").setLevel(logging.ERROR)
    try:
        import bitsandbytes as bnb
    except Exception as exc:  # a broken install raises anything from OSError to RuntimeError
        return False, f"bitsandbytes cannot be imported ({type(exc).__name__}: {exc})"
    from transformers.utils.import_utils import is_bitsandbytes_available

    version = getattr(bnb, "__version__", "?")
    if not is_bitsandbytes_available():
        return False, f"bitsandbytes {version} is too old for this transformers"
    device_type = device.split(":")[0]
    supported = set(getattr(bnb, "supported_torch_devices", None) or ())
    if device_type not in supported:
        return False, f"bitsandbytes {version} has no {device_type} backend"
    try:
        if bits == 4:
            layer = bnb.nn.Linear4bit(
                64, 64, bias=False, compute_dtype=torch.bfloat16, quant_type="nf4"
            ).to(device)
            out = layer(torch.randn(2, 64, dtype=torch.bfloat16, device=device))
        else:
            layer = bnb.nn.Linear8bitLt(64, 64, bias=False, has_fp16_weights=False).to(device)
            out = layer(torch.randn(2, 64, dtype=torch.float16, device=device))
        if tuple(out.shape) != (2, 64):
            return False, f"bitsandbytes {version} {bits}-bit layer gave a wrong shape on {device}"
    except Exception as exc:
        return False, f"bitsandbytes {version} {bits}-bit test failed on {device} ({exc})"
    return True, f"bitsandbytes {version} {bits}-bit works on {device}"
