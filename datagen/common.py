"""Shared constants and vectorised helpers for the dataset generators."""
from __future__ import annotations

import numpy as np
import pandas as pd

COMPANY = "Tidewater"
DOMAIN = "tidewater.example"  # RFC 2606-style reserved name: nothing real is referenced
HISTORY_START = pd.Timestamp("2026-03-02T00:00:00Z")  # a Monday; 26 weeks of history
HISTORY_END = pd.Timestamp("2026-08-31T00:00:00Z")    # exclusive
BILL_START = pd.Timestamp("2026-06-01T00:00:00Z")     # FOCUS bill: June, July, August 2026
BILL_END = pd.Timestamp("2026-09-01T00:00:00Z")
SLO_START = pd.Timestamp("2026-08-01T00:00:00Z")      # 30 days of per-minute SLO data
SLO_DAYS = 30
T0 = int(HISTORY_START.timestamp())
T1 = int(HISTORY_END.timestamp())
ISO = "%Y-%m-%dT%H:%M:%SZ"
HEX = np.array(list("0123456789abcdef"))


class Folder(dict):
    """A dataset that is a folder of text files: relative path -> file content."""


def iso(seconds) -> pd.Series | str:
    """Epoch seconds (array or scalar) -> 'YYYY-MM-DDTHH:MM:SSZ' strings; NaN -> ''."""
    if np.isscalar(seconds):
        return pd.Timestamp(int(seconds), unit="s").strftime(ISO)
    s = pd.Series(np.asarray(seconds, dtype="float64"))
    out = pd.to_datetime(s, unit="s").dt.strftime(ISO)
    return out.fillna("")


def day(seconds) -> pd.Series:
    """Epoch seconds -> 'YYYY-MM-DD'."""
    return pd.to_datetime(pd.Series(np.asarray(seconds, dtype="float64")), unit="s").dt.strftime("%Y-%m-%d").fillna("")


def hexids(rng: np.random.Generator, n: int, length: int = 40) -> np.ndarray:
    """``n`` random lowercase hex strings (git SHAs when length is 40)."""
    chars = HEX[rng.integers(0, 16, size=(n, length))]
    return np.ascontiguousarray(chars).view(f"<U{length}").ravel()


def working_time(rng: np.random.Generator, n: int, start: int = T0, end: int = T1,
                 weekend: float = 0.08, hour_mean: float = 13.0, hour_sd: float = 2.5) -> np.ndarray:
    """``n`` epoch-second timestamps between start and end, mostly on weekdays in working hours (UTC)."""
    days = np.arange(start // 86400, (end - 1) // 86400 + 1)
    dow = (days + 3) % 7  # 1970-01-01 was a Thursday -> Monday = 0
    w = np.where(dow >= 5, weekend, 1.0)
    picked = rng.choice(days, size=n, p=w / w.sum())
    hours = np.clip(rng.normal(hour_mean, hour_sd, size=n), 6.0, 21.5)
    t = picked * 86400 + (hours * 3600).astype(np.int64) + rng.integers(0, 60, size=n)
    return np.clip(t, start, end - 1)


def lognormal(rng: np.random.Generator, median, sigma, size=None) -> np.ndarray:
    return rng.lognormal(np.log(median), sigma, size=size)


def pick(rng: np.random.Generator, options, size, p=None) -> np.ndarray:
    options = np.asarray(options)
    return options[rng.choice(len(options), size=size, p=p)]


def group_pick(rng: np.random.Generator, keys: np.ndarray, pool_keys: np.ndarray, pool_values: np.ndarray) -> np.ndarray:
    """For each element of ``keys`` pick a random element of ``pool_values`` whose ``pool_keys`` equals it.

    Vectorised: sort the pool by key, then draw an offset inside each key's block."""
    order = np.argsort(pool_keys, kind="stable")
    sk, sv = pool_keys[order], pool_values[order]
    uniq, first, counts = np.unique(sk, return_index=True, return_counts=True)
    idx = np.searchsorted(uniq, keys)
    if np.any(idx >= len(uniq)) or np.any(uniq[np.minimum(idx, len(uniq) - 1)] != keys):
        raise ValueError("a key has no pool entry")
    off = (rng.random(len(keys)) * counts[idx]).astype(np.int64)
    return sv[first[idx] + off]


R = {"required": True}
U = {"required": True, "unique": True}


def enum(values, required: bool = True) -> dict:
    return {"required": required, "enum": list(values)} if required else {"enum": list(values)}


def pick_author(rng: np.random.Generator, team_ids: np.ndarray, times: np.ndarray, developers) -> np.ndarray:
    """A random developer of each row's team who had already joined at ``times`` (epoch seconds).

    Vectorised: pick among the whole team, then re-pick the rows whose pick had not joined yet among the
    team's long-serving developers (joined before 2025-09-01)."""
    team, dev = developers["team_id"].to_numpy(), developers["developer_id"].to_numpy()
    start = (pd.to_datetime(developers["start_date"]).to_numpy().astype("datetime64[s]").astype(np.int64))
    idx = group_pick(rng, team_ids, team, np.arange(len(dev)))
    late = start[idx] > times
    if late.any():
        old = start < int(pd.Timestamp("2025-09-01").timestamp())
        idx[late] = group_pick(rng, team_ids[late], team[old], np.flatnonzero(old))
    return dev[idx]
