"""The query side of a disk search index in files: a snapshot of its arrays and word lists, and the log of the
changes made since, each tied to the engine commit that made it."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import struct
from pathlib import Path
from typing import Any

import numpy as np

_FRAME = struct.Struct("<QQ")  # payload length, opstamp of the engine's last commit before this change


def write_snapshot(folder: Path, state: dict[str, Any], meta: dict[str, Any]) -> None:
    """Save nested dicts of numpy arrays, lists of strings and numbers as one folder, whole or not at all
    (written beside it, synced, then renamed into place)."""
    scratch = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    scalars: dict[str, Any] = {}
    for key, value in _flatten(state):
        if isinstance(value, np.ndarray):
            np.save(scratch / f"{key}.npy", np.ascontiguousarray(value))
        elif isinstance(value, list):
            (scratch / f"{key}.json").write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
        else:
            scalars[key] = value
    (scratch / "meta.json").write_text(json.dumps({"meta": meta, "scalars": scalars}), encoding="utf-8")
    for path in scratch.iterdir():
        _sync(path)
    scratch.rename(folder)
    _sync(folder.parent)


def read_snapshot(folder: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """(state, meta) as write_snapshot saved them; the arrays memory-mapped, read only."""
    saved = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    flat: dict[str, Any] = dict(saved["scalars"])
    for path in folder.iterdir():
        if path.suffix == ".npy":
            # a plain ndarray over the mapped file: numpy's memmap class indexes one element in Python
            flat[path.stem] = np.load(path, mmap_mode="r").view(np.ndarray)
        elif path.suffix == ".json" and path.name != "meta.json":
            flat[path.stem] = json.loads(path.read_text(encoding="utf-8"))
    state: dict[str, Any] = {}
    for key, value in flat.items():
        *outer, name = key.split(".")
        place = state
        for part in outer:
            place = place.setdefault(part, {})
        place[name] = value
    return state, saved["meta"]


def _flatten(state: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    found = []
    for key, value in state.items():
        if isinstance(value, dict):
            found += _flatten(value, f"{prefix}{key}.")
        else:
            found.append((prefix + key, value))
    return found


def _sync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class ChangeLog:
    """Changes appended as frames: length, the engine's opstamp before the change, the pickled record.

    A record is written and synced before the engine commits its change, so a crash between the two leaves a
    record the engine never committed: the engine's opstamp, which grows with every commit, is then still the
    one the record names, and the record is dropped."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.records = 0  # read or written through this object

    def append(self, record: tuple, opstamp: int) -> int:
        """Write a record and sync it; the offset it starts at (to truncate to, should the commit fail)."""
        payload = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)
        with self.path.open("ab") as handle:
            offset = handle.tell()
            handle.write(_FRAME.pack(len(payload), opstamp) + payload)
            handle.flush()
            os.fsync(handle.fileno())
        self.records += 1
        return offset

    def truncate_to(self, offset: int) -> None:
        """Drop whatever follows `offset` (a record whose commit failed, or never happened)."""
        with self.path.open("r+b") as handle:
            handle.truncate(offset)

    def read(self, offset: int, committed: int) -> tuple[list[tuple], int]:
        """The records from `offset` on that the engine has committed (its opstamp is `committed`), and the
        offset after the last of them. A torn or uncommitted frame ends the reading."""
        try:
            data = self.path.read_bytes()[offset:]
        except FileNotFoundError:
            return [], offset
        records, at = [], 0
        while at + _FRAME.size <= len(data):
            length, before = _FRAME.unpack_from(data, at)
            end = at + _FRAME.size + length
            if end > len(data) or before >= committed:
                break
            records.append(pickle.loads(data[at + _FRAME.size : end]))
            at = end
        self.records += len(records)
        return records, offset + at
