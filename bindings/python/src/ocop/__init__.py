"""Vietnam's OCOP rules (scoring, councils, certificates) from the ocop Rust core.

Every name comes from the modules uniffi generates for ocop-ffi (``ocop._ffi``): the core's
records, enums and ``OcopError`` from ``ocop_core``, the functions from ``ocop``.
"""

from ._ffi.ocop_core import *  # noqa: F401,F403 - the records, enums and OcopError
from ._ffi.ocop import *  # noqa: F401,F403 - the functions
