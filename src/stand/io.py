"""Files in and out, for every room: YAML read and written one way, writes a crash cannot leave half done.

Every room reads and writes through here, so these rules are written once:

- hand-kept YAML (manifest, vocabulary, corrections, curation, publication)
  is read strictly (:func:`load_yaml`): no duplicate keys, no aliases, every
  failure one :class:`SourceError` naming the file;
- text is checked once, at the door (:func:`door`, :func:`clean_text`): valid
  Unicode only (no lone surrogate), composed (NFC) before anything else reads
  it, control and bidi characters removed and logged; addresses are parsed and
  written again as RFC 3986 (:func:`web_address`), so no writer downstream
  (YAML, JSON, Turtle, HTML) meets a character it cannot take;
- generated YAML in ``data/`` is read fast with libyaml (:func:`read_data`)
  and written deterministically (:func:`dump_yaml`);
- a single file is written beside its target and renamed into place
  (:func:`write_atomic`); a set of files in ``data/`` is switched in through a
  journal (:func:`replace_files`), so a crash at any moment leaves the old set
  or the new one, and every reader refuses a half-switched ``data/``;
- caches live under ``.cache/<name>/`` (:func:`cache_folder`).
"""

from __future__ import annotations

import ipaddress
import json
import logging
import os
import re
import unicodedata
from collections.abc import Hashable
from pathlib import Path
from urllib.parse import quote, urlsplit

import orjson
import yaml
from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError
from rdflib.term import _is_valid_uri

from .errors import SourceError

JOURNAL = ".extract-journal.json"  # in data/ while a set of files is being switched in
NEW = ".new"  # a staged file: beside its target, named .<target>.new
LOG = logging.getLogger("stand")  # what the door removed; the CLI prints each as a warning

# Characters that are never text: C0 controls but tab and newline, DEL, C1 controls, the bidi marks,
# embeddings, overrides and isolates that make text display other than it reads, and a byte-order mark.
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
SURROGATE = re.compile("[\ud800-\udfff]")
# Line breaks other than LF, by the name a message gives them; CRLF is ordinary and goes silently.
LINE_BREAKS = {"\r": "CR", "\x85": "NEL", "\u2028": "LS", "\u2029": "PS"}


class StrictLoader(yaml.SafeLoader):
    """Safe YAML that also refuses duplicate keys (the second silently won) and aliases (a hand-kept file needs
    none, and a few nested ones expand into gigabytes)."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed", self.peek_event().start_mark
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, Hashable):
                raise yaml.constructor.ConstructorError(
                    None, None, "a key that is a list or mapping", key_node.start_mark
                )
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep)


def load_yaml(path: Path) -> object:
    """A hand-kept YAML file, parsed strictly, its text checked at the door; every failure a SourceError naming it."""
    if not path.is_file():
        raise SourceError(path, "file not found")
    try:
        parsed = yaml.load(path.read_text(encoding="utf-8"), Loader=StrictLoader)  # noqa: S506 - a safe loader
        return door(parsed, path)
    except UnicodeDecodeError as exc:
        raise SourceError(path, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except yaml.YAMLError as exc:
        raise SourceError(path, f"invalid YAML: {' '.join(str(exc).split())[:300]}") from exc
    except RecursionError as exc:
        raise SourceError(path, "invalid YAML: nested too deeply") from exc


def unify_line_breaks(text: str) -> tuple[str, list[str]]:
    """``text`` with every line break LF, and the names of the other kinds it had (CRLF is not named).

    >>> unify_line_breaks("a\\r\\nb\\rc\\u2028d")
    ('a\\nb\\nc\\nd', ['CR', 'LS'])
    """
    text = text.replace("\r\n", "\n")
    found = [name for mark, name in LINE_BREAKS.items() if mark in text]
    for mark in LINE_BREAKS:
        text = text.replace(mark, "\n")
    return text, found


def clean_text(text: str) -> tuple[str, list[str]]:
    """``text`` composed (NFC) and without control or bidi characters, and what was removed (as U+XXXX).

    >>> clean_text("Cafe\\u0301\\u202e\\x07")
    ('Café', ['U+0007', 'U+202E'])
    """
    text = unicodedata.normalize("NFC", text)
    removed = sorted({f"U+{ord(c):04X}" for c in CONTROLS.findall(text)})
    return (CONTROLS.sub("", text) if removed else text), removed


def door(value: object, path: Path, where: str = "") -> object:
    """Every string of a parsed hand-kept file (keys too) checked and cleaned: a lone surrogate stops, naming the
    place; line breaks become LF; text is composed (NFC); control and bidi characters go, each removal logged."""
    if isinstance(value, dict):
        return {door(k, path, where): door(v, path, f"{where}.{k}" if where else str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [door(v, path, f"{where}[{i}]") for i, v in enumerate(value)]
    if not isinstance(value, str):
        return value
    if SURROGATE.search(value):
        char = SURROGATE.search(value).group(0)
        raise SourceError(
            path,
            f"{where or 'a key'}: a lone surrogate (\\u{ord(char):04x}) is no character; write the character itself",
        )
    text, removed = clean_text(unify_line_breaks(value)[0])
    if removed:
        LOG.warning("%s: %s: removed control or bidi character(s) %s", path, where or "a key", ", ".join(removed))
    return text


def anchored(validator: object, pattern: str, instance: object, schema: dict) -> object:
    """JSON Schema's ``pattern``, but a ``$`` at its end does not also match before a final newline (Python's
    ``re`` lets ``^[a-z]+$`` accept ``"abc\\n"``)."""
    if validator.is_type(instance, "string") and not re.search(re.sub(r"\$(?=\)*$)", r"\\Z", pattern), instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


StrictValidator = validators.extend(Draft202012Validator, {"pattern": anchored})
"""The schema validator for hand-kept files: Draft 2020-12 with anchored patterns."""

HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.?")
# What RFC 3986 allows unescaped in a path, query or fragment besides letters and digits (and "%" of an escape).
PATH_SAFE = "/:@!$&'()*+,;=-._~"


def web_address(text: str) -> str:
    """An http(s) address parsed and written again by RFC 3986: what it cannot hold is percent-encoded, the host
    lower-case (IDNA for other letters); ValueError when it has no valid host or port, or user credentials.
    The result is one rdflib (the Turtle and JSON-LD writers) accepts.

    >>> web_address('https://A.test/x"><svg/onload=1>?q={a}#b c')
    'https://a.test/x%22%3E%3Csvg/onload=1%3E?q=%7Ba%7D#b%20c'
    """
    if text != text.strip() or re.search("[\\x00-\\x1f\\x7f]", text):
        raise ValueError("a line break, tab or control character, or space around it")
    parts = urlsplit(text)  # ValueError for a broken IPv6 bracket
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValueError("not an http:// or https:// address")
    if parts.username is not None or parts.password is not None:
        raise ValueError("an address with a user name or password")
    host = parts.hostname or ""
    try:
        host = f"[{ipaddress.IPv6Address(host)}]" if ":" in host else host.encode("idna").decode("ascii")
    except (ValueError, UnicodeError) as exc:
        raise ValueError(f"no valid host: {host!r}") from exc
    if not host.startswith("[") and not HOST.fullmatch(host):
        raise ValueError(f"no valid host: {host!r}")
    port = parts.port  # ValueError when it is no number from 0 to 65535
    if port is None and parts.netloc.endswith(":"):
        raise ValueError("an empty port")

    def escaped(piece: str) -> str:
        return quote(re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", piece), safe=PATH_SAFE + "%?")

    address = f"{parts.scheme.lower()}://{host}{f':{port}' if port is not None else ''}{escaped(parts.path)}"
    address += f"?{escaped(parts.query)}" if parts.query or text.split("#")[0].endswith("?") else ""
    address += f"#{escaped(parts.fragment)}" if parts.fragment else ""
    if not _is_valid_uri(address):
        raise ValueError("an address rdflib cannot take")
    return address


_FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_data(path: Path) -> dict:
    """A generated file of data/ (libyaml where installed), or SourceError naming it: no traceback on damaged data.
    A reader of data/ calls :func:`refuse_mid_update` once before its first file."""
    try:
        data = yaml.load(path.read_bytes().decode("utf-8"), Loader=_FastLoader)  # noqa: S506 - a safe loader
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SourceError(path, f"cannot be read ({type(exc).__name__}); run `make data` to write it again") from exc
    if not isinstance(data, dict):
        raise SourceError(path, "is not a mapping; run `make data` to write it again")
    return data


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Block-style YAML, long text folded readably, keys in the order given (libyaml where installed)."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = ">" if len(value) > 80 and "\n" not in value and value == value.strip() and "  " not in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def dump_yaml(data: object, header: str | None = None) -> str:
    """YAML text for ``data``; the same data always gives the same text.

    >>> print(dump_yaml({"id": "logius-2023", "pages": 10}), end="")
    id: logius-2023
    pages: 10
    """
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    return (header + text) if header else text


def dump_json(value: object) -> bytes:
    """Indented UTF-8 JSON, keys in the order given, ending in a newline: what ``json.dumps(value,
    ensure_ascii=False, indent=2)`` writes, made by orjson (the standard library's encoder is pure Python once
    indenting, a fifth of the dataset's time).

    >>> print(dump_json({"id": "logius-2023", "pagina's": [10]}).decode(), end="")
    {
      "id": "logius-2023",
      "pagina's": [
        10
      ]
    }
    """
    return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def cache_folder(root: Path, name: str) -> Path:
    """Where a cache of the project at ``root`` lives: ``.cache/<name>/``; deleting it only costs time."""
    return root / ".cache" / name


def _file_mode() -> int:
    """What a new file's mode is under the current umask, so a staged file gets the mode a plain write gives."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def staged_name(target: Path) -> Path:
    return target.with_name(f".{target.name}{NEW}")


def write_staged(target: Path, content: str | bytes) -> Path:
    """``content`` written and synced to ``.<name>.new`` beside ``target``, ready to be renamed into place."""
    staged = staged_name(target)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(staged, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(staged, _file_mode())
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    return staged


def write_atomic(target: Path, content: str | bytes) -> None:
    """Write one file so that a crash leaves the old file or the new one, never a part."""
    os.replace(write_staged(target, content), target)


def refuse_mid_update(data: Path) -> None:
    """Readers of data/ stop while a switch is unfinished, so nobody sees a mix of old and new files."""
    if (data / JOURNAL).exists():
        raise SourceError(data / JOURNAL, "data/ was left mid-update by an interrupted `stand extract`: run it again")


def finish_interrupted(data: Path) -> list[str]:
    """Finish what a killed run left: switch a journalled set in; staged files without a journal are removed."""
    notes = []
    journal = data / JOURNAL
    if journal.is_file():
        try:
            plan = json.loads(journal.read_text(encoding="utf-8"))
            for target in plan["replace"]:
                if staged_name(data / target).exists():
                    os.replace(staged_name(data / target), data / target)
            for target in plan["delete"]:
                (data / target).unlink(missing_ok=True)
        except (ValueError, KeyError, TypeError) as exc:
            raise SourceError(
                journal, f"unreadable journal of an interrupted run ({exc}); restore data/ from git and remove it"
            ) from exc
        except OSError as exc:
            raise SourceError(
                exc.filename or journal, f"cannot finish an interrupted run: {exc.strerror or exc}"
            ) from exc
        journal.unlink()
        notes.append(f"finished the writes of an interrupted run ({data.name}/{JOURNAL})")
    stale = sorted(p for p in data.rglob(f".*{NEW}") if p.is_file())
    for path in stale:
        path.unlink()
    if stale:
        notes.append(f"removed {len(stale)} staged file(s) of a run that died before switching")
    return notes


def replace_files(data: Path, files: dict[Path, str], delete: list[Path]) -> list[Path]:
    """Switch the files under ``data`` to ``files`` (and without ``delete``) all at once; returns what changed.

    Each changed file is staged beside its target and synced; the journal naming them is the commit
    point; then the renames; then the journal goes. A crash before the journal leaves the old set
    (its staged files are removed by the next run), after it the next run finishes the switch.
    """
    changed = [
        path for path, text in sorted(files.items()) if not path.is_file() or path.read_text(encoding="utf-8") != text
    ]
    if not changed and not delete:
        return []
    try:
        for path in changed:
            write_staged(path, files[path])
        plan = {
            "replace": [str(p.relative_to(data)) for p in changed],
            "delete": [str(p.relative_to(data)) for p in delete],
        }
        write_atomic(data / JOURNAL, json.dumps(plan, ensure_ascii=False, indent=1))
        _sync_folder(data)
    except OSError as exc:
        for path in changed:
            staged_name(path).unlink(missing_ok=True)
        raise SourceError(exc.filename or data, f"cannot write: {exc.strerror or exc}") from exc
    try:
        for path in changed:
            os.replace(staged_name(path), path)
        for path in delete:
            path.unlink(missing_ok=True)
        for folder in sorted({p.parent for p in changed} | {p.parent for p in delete}):
            _sync_folder(folder)
    except OSError as exc:
        raise SourceError(
            exc.filename or data, f"cannot write: {exc.strerror or exc}; the next run finishes the switch"
        ) from exc
    (data / JOURNAL).unlink()
    return changed + delete
