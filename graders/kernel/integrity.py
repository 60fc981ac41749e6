"""Kernel-side integrity guard: undo and report what a submission changed in the grading machinery.

The grading kernel (see graders/guard.py) calls :func:`snapshot` before the first cell runs, and
:func:`verify` before and after every auto-graded test cell. ``verify``

- puts back anything a learner's cell replaced in the modules and classes the checks rely on
  (``builtins``, numpy, pandas and their ``Series``/``DataFrame``/``Index`` classes, ``math``,
  ``operator``, ``graders``, ``workbook``), and the ``sys.modules`` entries for them;
- removes trace/profile functions (``sys.settrace``, ``threading.settrace``);
- restores how cells are executed: IPython input and AST transformers, event callbacks, custom
  exception handlers, the compiler, and methods patched on the shell, kernel, session and
  display objects;
- before a test cell, hides learner variables that shadow builtins (``len = ...``) and brings back
  module names that instructor cells imported (``pd``, ``np``) if a learner cell rebound them;
  after the test cell the learner's names are put back, so honest code is not affected.

It returns a JSON report; anything found is tampering. The tests then run on the genuine
machinery, so tampering cannot earn points, and classgrade flags the submission for review.

Limits (documented in docs/grading.md): code in the same process can in principle defeat any
in-process guard if it targets this guard specifically; that is why changes are reported, and
why a test cell during which the machinery changed is scored 0.
"""
from __future__ import annotations

import builtins
import json
import sys
import threading
import types
from pathlib import Path

_PACKAGES = ("graders", "workbook")  # = graders.contract.PACKAGES (kernel side imports nothing trusted)

_WATCHED_MODULES = ["builtins", "math", "operator", "numbers", "functools", "numpy", "pandas",
                    "pandas.testing", "graders", "graders.kernel", "graders.kernel.checks", "graders.kernel.hidden",
                    "graders.checks", "graders.hidden",
                    "workbook", "workbook.data"]
_IGNORED_BUILTINS = {"_", "__", "___"}
# Event callbacks that libraries register themselves (matplotlib's inline backend, widgets).
_TRUSTED_CALLBACK_MODULES = ("matplotlib", "matplotlib_inline", "IPython", "ipykernel", "ipywidgets")


def _trusted(cb) -> bool:
    mod = getattr(cb, "__module__", None) or getattr(getattr(cb, "__func__", None), "__module__", "") or ""
    return mod.split(".")[0] in _TRUSTED_CALLBACK_MODULES


def _events(ip) -> dict:
    return {k: [cb for cb in v if not _trusted(cb)] for k, v in ip.events.callbacks.items()}
_S: dict = {}
_STASH: dict = {}


def _classes(ip) -> list[type]:
    import pandas as pd
    out, seen = [], set()
    roots = [pd.Series, pd.DataFrame, pd.Index, pd.RangeIndex]
    if ip is not None:
        roots += [type(ip), type(ip.kernel), type(ip.kernel.session), type(ip.display_pub),
                  type(ip.displayhook), type(ip.events), type(ip.compile), type(ip.input_transformer_manager)]
    for root in roots:
        for cls in root.__mro__:
            if cls is object or id(cls) in seen:
                continue
            seen.add(id(cls))
            if isinstance(cls.__dict__, types.MappingProxyType) and (cls.__flags__ & (1 << 9)):  # heap type
                out.append(cls)
    return out


def _instances(ip) -> dict[str, object]:
    if ip is None:
        return {}
    return {"shell": ip, "kernel": ip.kernel, "session": ip.kernel.session, "display_pub": ip.display_pub,
            "displayhook": ip.displayhook, "events": ip.events, "compile": ip.compile,
            "input_transformer_manager": ip.input_transformer_manager}


def _callables(obj) -> dict:
    return {k: v for k, v in vars(obj).items() if callable(v) and not isinstance(v, type)}


def _ip():
    try:
        from IPython import get_ipython
        return get_ipython()
    except Exception:  # pragma: no cover - not in IPython
        return None


def _hooks(ip) -> dict:
    if ip is None:
        return {}
    itm = ip.input_transformer_manager
    return {
        "input_transformers_cleanup": list(ip.input_transformers_cleanup),
        "input_transformers_post": list(ip.input_transformers_post),
        "ast_transformers": list(ip.ast_transformers),
        "itm.cleanup_transforms": list(itm.cleanup_transforms),
        "itm.line_transforms": list(itm.line_transforms),
        "itm.token_transformers": list(itm.token_transformers),
        "custom_exceptions": tuple(ip.custom_exceptions),
        "events": _events(ip),
        "compile.flags": ip.compile.flags,
        "kernel.shell_handlers": dict(getattr(ip.kernel, "shell_handlers", {})),
        "kernel.control_handlers": dict(getattr(ip.kernel, "control_handlers", {})),
    }


def _materialize(mod) -> None:
    """A package that loads its names lazily (PEP 562 ``__getattr__``) gets them in its dict now,
    so that a learner's ``graders.check = ...`` is a replacement the guard undoes, not an addition."""
    if "__getattr__" in vars(mod):
        for name in getattr(mod, "__all__", ()):
            try:
                vars(mod).setdefault(name, getattr(mod, name))
            except Exception:
                pass


def snapshot() -> str:
    """Record the genuine machinery (call before any learner code runs). Returns JSON: where the
    course's packages were imported from, and the import errors of those that could not be."""
    import importlib
    origins, errors = {}, {}
    for name in _WATCHED_MODULES:
        try:
            mod = importlib.import_module(name)
        except Exception as exc:
            errors[name] = f"{type(exc).__name__}: {exc}"[:200]
            continue
        if name in _PACKAGES:
            origins[name] = str(Path(mod.__file__).resolve().parent)
        _materialize(mod)
    ip = _ip()
    _S["modules"] = {n: sys.modules[n] for n in _WATCHED_MODULES if n in sys.modules}
    _S["dicts"] = {n: dict(vars(m)) for n, m in _S["modules"].items()}
    _S["classes"] = [(c, dict(vars(c))) for c in _classes(ip)]
    _S["instances"] = {k: (o, _callables(o)) for k, o in _instances(ip).items()}
    _S["hooks"] = _hooks(ip)
    _S["ns_modules"] = {}
    _S["builtins_names"] = set(vars(builtins))
    return json.dumps({"origins": origins, "errors": {k: v for k, v in errors.items() if k in _PACKAGES}})


def note_instructor_cell() -> str:
    """After an instructor (locked) cell: remember the module names it bound (pd, np, plt...)."""
    ip = _ip()
    if ip is not None:
        for k, v in list(ip.user_ns.items()):
            if isinstance(v, types.ModuleType) and not k.startswith("_"):
                _S.setdefault("ns_modules", {})[k] = v
    return "ok"


def _restore_dict(target, saved: dict, label: str, found: list, delete_added: bool) -> None:
    current = vars(target)
    for k, v in saved.items():
        if k in _IGNORED_BUILTINS:
            continue
        if k not in current or current[k] is not v:
            found.append(f"{label}.{k} was {'removed' if k not in current else 'replaced'}")
            setattr(target, k, v)
    if delete_added:
        for k in [k for k in current if k not in saved]:
            found.append(f"{label}.{k} was added")
            try:
                delattr(target, k)
            except (AttributeError, TypeError):
                pass


def _restore_tracing(found: list) -> None:
    if sys.gettrace() is not None:
        found.append("sys.settrace was set")
    if sys.getprofile() is not None:
        found.append("sys.setprofile was set")
    sys.settrace(None)
    sys.setprofile(None)
    if getattr(threading, "_trace_hook", None) is not None or getattr(threading, "_profile_hook", None) is not None:
        found.append("threading trace/profile hook was set")
        threading.settrace(None)
        threading.setprofile(None)


def _restore_objects(found: list) -> None:
    for name, mod in _S["modules"].items():
        if sys.modules.get(name) is not mod:
            found.append(f"sys.modules[{name!r}] was replaced")
            sys.modules[name] = mod
    for name, mod in _S["modules"].items():
        _restore_dict(mod, _S["dicts"][name], name, found, delete_added=False)
    for cls, saved in _S["classes"]:
        _restore_dict(cls, saved, f"{cls.__module__}.{cls.__qualname__}", found, delete_added=True)
    for label, (obj, saved) in _S["instances"].items():
        now = _callables(obj)
        for k in set(now) | set(saved):
            if now.get(k) is not saved.get(k):
                found.append(f"{label}.{k} was {'patched' if k in now else 'removed'}")
                if k in saved:
                    vars(obj)[k] = saved[k]
                else:
                    del vars(obj)[k]


def _restore_hooks(ip, found: list) -> None:
    hooks, saved = _hooks(ip), _S["hooks"]
    for key, value in saved.items():
        if hooks.get(key) != value:
            found.append(f"IPython {key} was changed")
    itm = ip.input_transformer_manager
    ip.input_transformers_cleanup[:] = saved["input_transformers_cleanup"]
    ip.input_transformers_post[:] = saved["input_transformers_post"]
    ip.ast_transformers[:] = saved["ast_transformers"]
    itm.cleanup_transforms[:] = saved["itm.cleanup_transforms"]
    itm.line_transforms[:] = saved["itm.line_transforms"]
    itm.token_transformers[:] = saved["itm.token_transformers"]
    ip.custom_exceptions = saved["custom_exceptions"]
    ip.compile.flags = saved["compile.flags"]
    for k in list(ip.events.callbacks):
        ip.events.callbacks[k][:] = saved["events"].get(k, []) + [cb for cb in ip.events.callbacks[k] if _trusted(cb)]
    for attr in ("shell_handlers", "control_handlers"):
        handlers = getattr(ip.kernel, attr, None)
        if isinstance(handlers, dict):
            handlers.clear()
            handlers.update(saved[f"kernel.{attr}"])


def _restore_namespace(ip, phase: str, found: list) -> None:
    ns = ip.user_ns
    if ns.get("__builtins__") is not builtins and ns.get("__builtins__") is not vars(builtins):
        found.append("__builtins__ of the notebook was replaced")
        ns["__builtins__"] = builtins
    if phase == "before":
        _STASH.clear()
        for k in [k for k in ns if k in _S["builtins_names"] and not k.startswith("__")]:
            _STASH[k] = ns.pop(k)
        for k, mod in _S.get("ns_modules", {}).items():
            if ns.get(k) is not mod:
                found.append(f"the name {k!r} (imported by the instructor's cells) was rebound")
                ns[k] = mod
    else:
        for k, v in _STASH.items():
            ns.setdefault(k, v)
        _STASH.clear()


def verify(phase: str = "before") -> str:
    """Restore the genuine machinery; return a JSON list of what had been changed."""
    found: list[str] = []
    if not _S:
        return json.dumps(["integrity snapshot missing"])
    _restore_tracing(found)
    _restore_objects(found)
    ip = _ip()
    if ip is not None:
        _restore_hooks(ip, found)
        _restore_namespace(ip, phase, found)
    return json.dumps(found)
