"""Alias of :mod:`graders.kernel.hidden` (kernel side; the notebooks import this path)."""
import sys

from graders.kernel import hidden as _module

sys.modules[__name__] = _module
