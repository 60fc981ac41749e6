"""Code that runs inside the learner's kernel (the only part of ``graders`` that does).

- :mod:`graders.kernel.checks`: the checks test cells call (``call``, ``check``, ``passed``, ...);
- :mod:`graders.kernel.hidden`: ``expect.<kind>(...)``, which hands a learner's result over as plain data;
- :mod:`graders.kernel.integrity`: the guard's kernel half (snapshot and restore of the machinery).

Everything here runs with the learner's code in the same process, so it must hold nothing a
learner may not see: no expected value, no reference, no rule text, no path of the instructor's
files. It imports the standard library, numpy, pandas, IPython and other modules of this
sub-package only, never the trusted side of ``graders`` (``tests/unit/test_layout.py`` fails if it
does). The old paths ``graders.checks``, ``graders.hidden`` and ``graders.integrity`` are aliases of
these modules (the notebooks' setup cells import them).
"""
