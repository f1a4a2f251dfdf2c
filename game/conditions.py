"""The condition language: a small expression grammar over flags and the meter.

Grammar (lowest precedence first)::

    expr       := and_expr ("or" and_expr)*
    and_expr   := not_expr ("and" not_expr)*
    not_expr   := "not" not_expr | comparison
    comparison := operand (("==" | "!=" | "<" | "<=" | ">" | ">=") operand)?
    operand    := NAME | NUMBER | "true" | "false" | "(" expr ")"

NAME is a flag (true or false; a flag never set is false) or ``satisfaction``
(the meter). NUMBER is an integer or decimal, optionally negative. Nothing
else exists: no calls, no attributes, no indexing. Conditions are parsed once
when a scene is loaded and evaluated by walking the tree; ``eval`` is never
used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping, Union

MAX_LENGTH = 500
MAX_DEPTH = 32
MAX_NUMBER = 1000
METER_NAME = "satisfaction"
KEYWORDS = {"and", "or", "not", "true", "false"}

_TOKEN = re.compile(
    r"\s*(?:(?P<number>\d+(?:\.\d+)?)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<op>==|!=|<=|>=|<|>|\(|\)|-))"
)
_COMPARISONS = {"==", "!=", "<", "<=", ">", ">="}


class ConditionError(ValueError):
    """A malformed condition; ``offset`` is the 0-based character position."""

    def __init__(self, message: str, offset: int):
        super().__init__(message)
        self.offset = offset


@dataclass(frozen=True)
class Name:
    """A flag or the meter."""

    name: str


@dataclass(frozen=True)
class Number:
    """A number literal."""

    value: float


@dataclass(frozen=True)
class Bool:
    """``true`` or ``false``."""

    value: bool


@dataclass(frozen=True)
class Not:
    """Logical negation."""

    operand: "Expr"


@dataclass(frozen=True)
class Logic:
    """``and`` / ``or`` over two or more operands."""

    op: str
    operands: tuple["Expr", ...]


@dataclass(frozen=True)
class Compare:
    """A comparison of two operands."""

    op: str
    left: "Expr"
    right: "Expr"


Expr = Union[Name, Number, Bool, Not, Logic, Compare]


def _tokenize(source: str) -> list[tuple[str, str, int]]:
    tokens = []
    position = 0
    while position < len(source):
        if source[position:].strip() == "":
            break
        match = _TOKEN.match(source, position)
        if match is None:
            offset = len(source[position:]) - len(source[position:].lstrip()) + position
            raise ConditionError(f"unexpected character '{source[offset]}'", offset)
        kind = match.lastgroup or "op"
        tokens.append((kind, match.group(kind), match.start(kind)))
        position = match.end()
    tokens.append(("end", "", len(source)))
    return tokens


class _Parser:
    def __init__(self, source: str):
        self.source = source
        self.tokens = _tokenize(source)
        self.index = 0
        self.depth = 0

    def peek(self) -> tuple[str, str, int]:
        return self.tokens[self.index]

    def take(self) -> tuple[str, str, int]:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def expect_end(self) -> None:
        kind, text, offset = self.peek()
        if kind != "end":
            raise ConditionError(f"unexpected '{text}': join conditions with 'and' or 'or'", offset)

    def expr(self) -> Expr:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ConditionError(f"nested more than {MAX_DEPTH} levels deep", self.peek()[2])
        operands = [self.and_expr()]
        while self.peek()[1] == "or" and self.peek()[0] == "name":
            self.take()
            operands.append(self.and_expr())
        self.depth -= 1
        return operands[0] if len(operands) == 1 else Logic("or", tuple(operands))

    def and_expr(self) -> Expr:
        operands = [self.not_expr()]
        while self.peek()[1] == "and" and self.peek()[0] == "name":
            self.take()
            operands.append(self.not_expr())
        return operands[0] if len(operands) == 1 else Logic("and", tuple(operands))

    def not_expr(self) -> Expr:
        if self.peek()[1] == "not" and self.peek()[0] == "name":
            self.take()
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ConditionError(f"nested more than {MAX_DEPTH} levels deep", self.peek()[2])
            inner = self.not_expr()
            self.depth -= 1
            return Not(inner)
        return self.comparison()

    def comparison(self) -> Expr:
        left = self.operand()
        kind, text, _ = self.peek()
        if kind == "op" and text in _COMPARISONS:
            self.take()
            return Compare(text, left, self.operand())
        return left

    def operand(self) -> Expr:
        kind, text, offset = self.take()
        if kind == "op" and text == "(":
            inner = self.expr()
            closing = self.take()
            if closing[1] != ")":
                raise ConditionError("missing ')'", closing[2])
            return inner
        if kind == "op" and text == "-" and self.peek()[0] == "number":
            return self.number(self.take(), negative=True)
        if kind == "number":
            return self.number((kind, text, offset))
        if kind == "name" and text in ("true", "false"):
            return Bool(text == "true")
        if kind == "name" and text not in KEYWORDS:
            return Name(text)
        if kind == "end":
            raise ConditionError("the condition ends where a flag, number or '(' is expected", offset)
        raise ConditionError(f"expected a flag, number or '(' but found '{text}'", offset)

    def number(self, token: tuple[str, str, int], negative: bool = False) -> Number:
        value = float(token[1])
        if value > MAX_NUMBER:
            raise ConditionError(f"numbers in conditions are at most {MAX_NUMBER}", token[2])
        return Number(-value if negative else value)


def parse_condition(source: str) -> Expr:
    """Parse a condition.

    Args:
        source: The condition text, e.g. ``asked_receipt and satisfaction >= 2``.

    Returns:
        The expression tree.

    Raises:
        ConditionError: with a message and the character offset of the problem.
    """
    if len(source) > MAX_LENGTH:
        raise ConditionError(f"the condition is longer than {MAX_LENGTH} characters", MAX_LENGTH)
    if not source.strip():
        raise ConditionError("the condition is empty: remove `if:` or write a condition", 0)
    parser = _Parser(source)
    tree = parser.expr()
    parser.expect_end()
    _check_types(tree)
    return tree


def _is_number(node: Expr) -> bool:
    return isinstance(node, Number) or (isinstance(node, Name) and node.name == METER_NAME)


def _check_types(node: Expr) -> None:
    """Refuse comparisons that mix numbers and truth values, like ``flag > 2``."""
    if isinstance(node, Compare):
        left, right = _is_number(node.left), _is_number(node.right)
        if left != right:
            raise ConditionError(f"'{node.op}' compares a number with a flag; compare {METER_NAME} with a number", 0)
        if not left and node.op not in ("==", "!="):
            raise ConditionError(f"'{node.op}' needs numbers; flags are only true or false", 0)
        for side in (node.left, node.right):
            if not _is_number(side):
                _check_types(side)
    elif isinstance(node, Not):
        _check_types(node.operand)
    elif isinstance(node, Logic):
        for operand in node.operands:
            _check_types(operand)
    elif _is_number(node):
        raise ConditionError(f"'{_describe(node)}' is a number, not a condition: compare it, e.g. {METER_NAME} >= 2", 0)


def _describe(node: Expr) -> str:
    return node.name if isinstance(node, Name) else f"{node.value:g}"  # type: ignore[union-attr]


def flags_in(node: Expr) -> set[str]:
    """The flag names a condition reads (the meter excluded)."""
    if isinstance(node, Name):
        return set() if node.name == METER_NAME else {node.name}
    if isinstance(node, Not):
        return flags_in(node.operand)
    if isinstance(node, Logic):
        return set().union(*(flags_in(operand) for operand in node.operands))
    if isinstance(node, Compare):
        return flags_in(node.left) | flags_in(node.right)
    return set()


def reads_meter(node: Expr) -> bool:
    """True when the condition depends on the satisfaction meter."""
    if isinstance(node, Name):
        return node.name == METER_NAME
    if isinstance(node, Not):
        return reads_meter(node.operand)
    if isinstance(node, Logic):
        return any(reads_meter(operand) for operand in node.operands)
    if isinstance(node, Compare):
        return reads_meter(node.left) or reads_meter(node.right)
    return False


def evaluate(node: Expr, flags: Mapping[str, bool] | frozenset, meter: float) -> Union[bool, float]:
    """Evaluate a parsed condition.

    Args:
        node: A tree from :func:`parse_condition`.
        flags: The flags that are true (a set), or a mapping of flag to value.
        meter: The current satisfaction meter.
    """
    if isinstance(node, Name):  # the most common node first
        if node.name == METER_NAME:
            return meter
        if type(flags) is frozenset:  # the engine's flags: skips the Mapping check, an ABC look-up per name
            return node.name in flags
        return bool(flags.get(node.name, False)) if isinstance(flags, Mapping) else node.name in flags
    if isinstance(node, (Bool, Number)):
        return node.value
    if isinstance(node, Not):
        return not evaluate(node.operand, flags, meter)
    if isinstance(node, Logic):
        values = (evaluate(operand, flags, meter) for operand in node.operands)
        return all(values) if node.op == "and" else any(values)
    left, right = evaluate(node.left, flags, meter), evaluate(node.right, flags, meter)
    return _COMPARE[node.op](left, right)


_COMPARE = {
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}
