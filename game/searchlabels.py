"""The score search's labels, the labels kept at each state and its queue, as machine integers.

A 40k-node scene makes millions of labels and keeps hundreds of thousands in the queue; as Python
objects (a tuple per queued label, a list per state) they took more memory than the scene. Here a
label is one row of parallel ``array`` columns, the labels kept at a state are chained through a
column (the search keeps only each state's first), and a queued label is one integer whose order
is the order of its priority.
"""

from __future__ import annotations

import heapq
import struct
from array import array
from typing import Optional

_DOUBLE = struct.Struct("<d")
_BITS = struct.Struct("<Q")
_LOW32 = (1 << 32) - 1
_SIGN = 1 << 63
_ALL64 = (1 << 64) - 1
NO_LABEL = -1


def ordered(value: float) -> int:
    """A 64-bit integer that sorts like ``value`` (a finite float; 0.0 and -0.0 alike)."""
    bits = _BITS.unpack(_DOUBLE.pack(value + 0.0))[0]  # + 0.0: -0.0 becomes 0.0, equal as a float
    return bits ^ _ALL64 if bits & _SIGN else bits | _SIGN


def from_ordered(key: int) -> float:
    """The float that :func:`ordered` turned into ``key``."""
    bits = key ^ _SIGN if key & _SIGN else key ^ _ALL64
    return float(_DOUBLE.unpack(_BITS.pack(bits))[0])


def _column(largest: int) -> array:
    """An empty column of the narrowest unsigned machine integer that holds 0 to ``largest``."""
    for code in ("B", "H", "I"):
        if largest < 1 << (8 * array(code).itemsize):
            return array(code)
    return array("Q")


class Labels:
    """Every label the search made, one row of parallel columns each.

    A label is (node number, flag-set number, summary number, parent label, choice number, ways
    back taken). ``link`` chains the labels kept at one state, the search keeping the first; ``alive`` is
    0 once a label is dominated. Flag sets are numbered here, as labels meet only a few.
    """

    def __init__(self, nodes: int, flags: int, most_choices: int, most_backs: int):
        """Columns for a scene of ``nodes`` nodes and ``flags`` distinct flags, whose decisions offer at
        most ``most_choices`` choices, for paths going back at most ``most_backs`` times.

        Each column takes the narrowest machine integer its values fit (a 40k-node scene: 18 bytes a label).
        """
        self.node = _column(nodes)
        self.flags = _column(1 << min(flags, 32))  # flag sets met: at most one per combination of flags
        self.summary = array("i")
        self.parent = array("i")  # NO_LABEL for the first
        self.number = _column(most_choices)
        self.backs = _column(most_backs)
        self.link = array("i")
        self.alive = bytearray()
        self.flag_sets: list[frozenset] = []
        self._flag_numbers: dict[frozenset, int] = {}

    def flag_number(self, flags: frozenset) -> int:
        """The number of the flag set ``flags``."""
        found = self._flag_numbers.get(flags)
        if found is None:
            found = self._flag_numbers[flags] = len(self.flag_sets)
            self.flag_sets.append(flags)
        return found

    def add(self, node: int, flags: int, sid: int, parent: int, number: int, backs: int) -> int:
        """Append a label and return its index."""
        self.node.append(node)
        self.flags.append(flags)
        self.summary.append(sid)
        self.parent.append(parent)
        self.number.append(number)
        self.backs.append(backs)
        self.link.append(NO_LABEL)
        self.alive.append(1)
        return len(self.alive) - 1


class Queue:
    """The labels still to expand, most promising first, each one integer in a heap.

    The priority is (bound, decisions taken, unclamped bound, label index), compared in that order,
    the same order the search compared tuples of them in. Each part is mapped to an unsigned field
    that sorts the right way, and the fields are packed from the most significant: the first field
    that differs decides, as in a tuple.
    """

    def __init__(self, sign: int):
        self.sign = sign
        self._heap: list[int] = []

    def prefix(self, bound: float, unclamped: float) -> int:
        """The fields of a priority that depend on the bounds only (computed once per bound)."""
        return ordered(-self.sign * bound) << 128 | ordered(-self.sign * unclamped) << 32

    def push(self, prefix: int, count: int, index: int) -> None:
        """Queue label ``index`` with ``count`` decisions taken (more first, then the newest)."""
        heapq.heappush(self._heap, prefix | (_LOW32 - count) << 96 | (_LOW32 - index))

    def pop(self) -> Optional[tuple[float, int]]:
        """(bound, label index) of the most promising label, None when the queue is empty."""
        if not self._heap:
            return None
        key = heapq.heappop(self._heap)
        return -self.sign * from_ordered(key >> 128), _LOW32 - (key & _LOW32)

