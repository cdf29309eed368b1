"""Discover raw pages and read them into text, or into a reason why they cannot be read.

A file that cannot be read never stops a run: `read_page` returns a `FileProblem` that the
pipeline turns into a quarantine row (`table = "files"`).
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import zlib
from dataclasses import dataclass
from pathlib import Path, PosixPath

import polars as pl
from charset_normalizer import from_bytes
from upath import UPath

from newsmend.locations import is_remote, location
from newsmend.textcore import compiled

SUFFIXES = (".txt", ".txt.gz")
_SUFFIX_BYTES = tuple(suffix.encode() for suffix in SUFFIXES)
DEFAULT_MAX_BYTES = 64 * 1024 * 1024  # cap on a page's (decompressed) size


@dataclass(frozen=True)
class Page:
    source_file: str  # relative to the raw folder, forward slashes
    source_sha256: str  # of the bytes as stored
    text: str  # decoded, BOM stripped, newlines normalised to \n


@dataclass(frozen=True)
class FileProblem:
    source_file: str
    source_sha256: str | None
    reason: str


FOUND = {"path": pl.Binary, "source_file": pl.String, "size": pl.Int64, "mtime_ns": pl.Int64}
_FOUND_CHUNK = 65_536  # files held as Python objects at once while walking


def discover(raw_dir: Path | UPath) -> pl.DataFrame:
    """Every *.txt and *.txt.gz under raw_dir, recursively, in path order, with its size and
    mtime (-1 for a file that vanished or a broken symlink: reading it will say why). Directory
    symlinks are not followed (they can loop or lead outside the folder).

    One row per file in columns (FOUND; `path` is the name under raw_dir as bytes, which
    any file name is), not a Python object per file: a run over millions of files holds
    about 60 bytes a file. Each folder is listed in order, so the whole needs no sort (a
    copy of it all). Under a URL, the objects under its prefix (see _Found.listing)."""
    found = _Found()
    if is_remote(raw_dir):
        found.listing(location(raw_dir))
        return found.frame()
    found.walk(os.fsencode(raw_dir))
    return found.frame()


def _listing(folder: bytes) -> list[os.DirEntry]:
    """A folder's entries by name; none for a folder we may not list (as os.walk)."""
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except OSError:
        return []


class _Found:
    """The rows of discover, gathered in columns a chunk at a time."""

    def __init__(self):
        self.parts: list[pl.DataFrame] = []
        self.rows: dict[str, list] = {column: [] for column in FOUND}

    def walk(self, base: bytes) -> None:
        """Depth first, each folder in name order: the files come out in path order. A stack
        of folders, not recursion: a hostile tree may nest deeper than Python recurses."""
        stack = [(b"", iter(_listing(base)))]
        while stack:
            folder, entries = stack[-1]
            entry = next(entries, None)
            if entry is None:
                stack.pop()
            elif entry.is_dir(follow_symlinks=False):
                name = folder + entry.name
                stack.append((name + b"/", iter(_listing(base + b"/" + name))))
            elif entry.name.endswith(_SUFFIX_BYTES):
                self.add(folder + entry.name, entry)

    def listing(self, base: UPath) -> None:
        """The objects under a prefix of object storage, which lists keys in order, with
        their sizes and times of last change; there are no folders, links or devices."""
        prefix = base.path.rstrip("/") + "/"
        for key, info in base.fs.find(base.path, detail=True).items():
            if key.endswith(SUFFIXES):
                changed = info.get("LastModified") or base.fs.modified(key)
                mtime_ns = int(changed.timestamp() * 1_000_000) * 1000
                self.append(key.removeprefix(prefix).encode(), info["size"], mtime_ns)

    def add(self, name: bytes, entry: os.DirEntry) -> None:
        try:
            info = entry.stat()  # follows a symlink, as reading will
            size, mtime_ns = info.st_size, info.st_mtime_ns
        except OSError:
            size, mtime_ns = -1, -1
        self.append(name, size, mtime_ns)

    def append(self, name: bytes, size: int, mtime_ns: int) -> None:
        self.rows["path"].append(name)
        self.rows["source_file"].append(_as_text(name))
        self.rows["size"].append(size)
        self.rows["mtime_ns"].append(mtime_ns)
        if len(self.rows["path"]) == _FOUND_CHUNK:
            self._flush()

    def frame(self) -> pl.DataFrame:
        self._flush()
        return pl.concat(self.parts)

    def _flush(self) -> None:
        self.parts.append(pl.DataFrame(self.rows, schema=FOUND))
        self.rows = {column: [] for column in FOUND}


def file_paths(found: pl.DataFrame, raw_dir: Path) -> list[Path]:
    """The paths of some rows of a `discover` frame."""
    return [raw_dir / os.fsdecode(name) for name in found["path"]]


def relative_name(path: Path, raw_dir: Path) -> str:
    """The path under raw_dir as text that Parquet can hold (see _as_text). A local path
    whose text starts with the folder's is cut as text (pathlib's relative_to costs more than
    reading a small page)."""
    if type(path) is PosixPath and type(raw_dir) is PosixPath:
        folder = str(raw_dir).rstrip("/") + "/"
        text = str(path)
        if text.startswith(folder) and len(text) > len(folder):
            return _as_text(os.fsencode(text[len(folder) :]))
    return _as_text(os.fsencode(path.relative_to(raw_dir).as_posix()))


def _as_text(name: bytes) -> str:
    """A file name's bytes as text: bytes that are not UTF-8 (Python would keep them as lone
    surrogates, which Parquet cannot hold) are written as backslash escapes."""
    return name.decode("utf-8", "backslashreplace")


def read_page(path: Path, raw_dir: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Page | FileProblem:
    """Read, decompress and decode one raw file."""
    name = relative_name(path, raw_dir)
    try:
        data = _read_bytes(path, raw_dir, max_bytes)
    except _Unreadable as problem:
        return FileProblem(name, None, str(problem))
    sha = hashlib.sha256(data).hexdigest()
    try:
        if path.name.endswith(".gz"):
            data = _gunzip(data, max_bytes)
        text = decode(data)
    except _Unreadable as problem:
        return FileProblem(name, sha, str(problem))
    if not text.strip():
        return FileProblem(name, sha, "empty: the page has no text")
    return Page(name, sha, text)


class _Unreadable(Exception):
    """A file we cannot turn into text; the message is the quarantine reason."""


def _read_bytes(path: Path, raw_dir: Path, max_bytes: int) -> bytes:
    if is_remote(path):
        return _read_object(path, max_bytes)
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            raise _Unreadable("broken symlink: it loops or points nowhere") from None
        if not target.is_relative_to(raw_dir.resolve()):
            raise _Unreadable("symlink points outside the raw folder")
    try:
        # O_NONBLOCK: opening a FIFO named like a page must not wait for a writer forever.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise _Unreadable(f"unreadable: {error.strerror or error}") from None
    with open(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _Unreadable("not a regular file: a pipe, socket or device")
        return _read_capped(handle, max_bytes, info.st_size)


def _read_object(path: UPath, max_bytes: int) -> bytes:
    """An object of object storage, read to at most max_bytes + 1."""
    try:
        with path.open("rb") as handle:
            return _read_capped(handle, max_bytes)
    except OSError as error:
        raise _Unreadable(f"unreadable: {error.strerror or error}") from None


def _read_capped(handle, max_bytes: int, size: int | None = None) -> bytes:
    """What an open file holds, or _Unreadable when it cannot be read or holds more than
    max_bytes. `size`: what the file held when it was opened; a read of max_bytes + 1 costs
    a buffer that large, so the file's size + 1 is read first, and the rest (up to the cap)
    only when the file turns out longer."""
    try:
        data = handle.read(max_bytes + 1 if size is None else min(size, max_bytes) + 1)
        if size is not None and len(data) > size and len(data) <= max_bytes:
            data += handle.read(max_bytes + 1 - len(data))
    except OSError as error:
        raise _Unreadable(f"unreadable: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise _Unreadable(f"too large: more than {max_bytes} bytes")
    return data


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress with a cap, so a decompression bomb costs at most max_bytes of memory."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error:
        raise _Unreadable("not gzip: the .gz file is not valid gzip data") from None
    if len(out) > max_bytes:
        raise _Unreadable(f"too large: decompresses to more than {max_bytes} bytes")
    if not inflater.eof:
        raise _Unreadable("truncated gzip: the compressed stream ends early")
    return out


def decode(data: bytes) -> str:
    """UTF-8 (BOM or not), UTF-16 with a BOM, then UTF-8 or GB18030 line by line, then what
    charset-normalizer finds. Lone surrogates become U+FFFD (Parquet cannot hold them)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _try(data, "utf-16", "surrogatepass")
        text = _SURROGATE.sub("\ufffd", text) if text is not None else None
    else:
        text = _try(data, "utf-8-sig") or _by_line(data) or _guess(data)
    if text is None:
        raise _Unreadable("undecodable: neither UTF-8 nor GB18030 nor a detectable encoding")
    if _looks_binary(text):
        raise _Unreadable("binary: the file is not text")
    # A few stray NUL bytes in a text page go; they mean nothing and trip C string code.
    return text.lstrip("\ufeff").replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")


def _try(data: bytes, encoding: str, errors: str = "strict") -> str | None:
    try:
        return data.decode(encoding, errors)
    except UnicodeDecodeError:
        return None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _by_line(data: bytes) -> str | None:
    """Each line in UTF-8, else GB18030, so a file pieced together from both reads right.

    A line that is neither gets U+FFFD for its bad bytes when another line proves the file
    UTF-8 (valid multi-byte sequences), so one broken byte does not send the whole page to
    the encoding guesser, which would misread its Chinese; without such proof, None. A
    surrogate written in UTF-8 ("\\xed\\xa0\\x80", as CESU-8 and Java write them) becomes
    U+FFFD too: a str holding one cannot be written to Parquet."""
    lines, broken, utf8 = [], False, False
    for line in data.split(b"\n"):
        text = _try(line, "utf-8", "surrogatepass")
        if text is not None:
            utf8 = utf8 or not line.isascii()
        else:
            text = _try(line, "gb18030")
        if text is None:
            broken, text = True, line.decode("utf-8", "replace")
        lines.append(text)
    if broken and not utf8:
        return None
    return _SURROGATE.sub("\ufffd", "\n".join(lines))


def _guess(data: bytes) -> str | None:
    best = from_bytes(data).best()
    return str(best) if best is not None else None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _control_count_reference(text: str) -> int:
    """How many control characters (other than tab and newlines) text holds. The reference;
    control_count is the compiled text core's (newsmend/textcore.py)."""
    return len(_CONTROL.findall(text))


control_count = compiled.control_count if compiled else _control_count_reference


def _looks_binary(text: str) -> bool:
    """More than 1% control characters (other than tab and newlines) means not a text page."""
    sample = text[:65536]
    return control_count(sample) > len(sample) // 100
