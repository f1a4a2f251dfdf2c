"""The score search's compact queue pops labels in the order its tuples of priorities did."""

import heapq
import math

from hypothesis import given
from hypothesis import strategies as st

from game.searchlabels import NO_LABEL, Labels, Queue, from_ordered, ordered

_FINITE = st.floats(allow_nan=False, allow_infinity=False)


@given(st.lists(_FINITE, min_size=2, max_size=30))
def test_ordered_integers_sort_like_their_floats(values):
    by_key = sorted(values, key=ordered)
    assert by_key == sorted(values)
    for value in values:
        assert from_ordered(ordered(value)) == value


def test_zero_and_negative_zero_are_one_key():
    assert ordered(0.0) == ordered(-0.0)
    assert ordered(-math.ulp(0.0)) < ordered(0.0) < ordered(math.ulp(0.0))


@given(st.sampled_from([1, -1]),
       st.lists(st.tuples(st.sampled_from([0.0, 12.5, 50.0, 87.5, 100.0]),
                          st.integers(min_value=0, max_value=40),
                          st.sampled_from([-30.25, -0.0, 0.0, 49.5, 100.0, 131.0])), min_size=1, max_size=60))
def test_queue_pops_in_the_order_of_the_priority_tuples(sign, entries):
    queue, heap = Queue(sign), []
    for index, (bound, count, unclamped) in enumerate(entries):
        queue.push(queue.prefix(bound, unclamped), count, index)
        heapq.heappush(heap, (-sign * bound, -count, -sign * unclamped, -index))
    popped = []
    while (item := queue.pop()) is not None:
        popped.append(item)
    expected = []
    while heap:
        priority, _, _, negative_index = heapq.heappop(heap)
        expected.append((-sign * priority, -negative_index))
    assert popped == expected


def test_columns_take_the_narrowest_integer_and_keep_every_value():
    labels = Labels(nodes=40_000, flags=3, most_choices=4, most_backs=2)
    assert (labels.node.itemsize, labels.flags.itemsize, labels.number.itemsize, labels.backs.itemsize) == (2, 1, 1, 1)
    first = labels.add(39_999, labels.flag_number(frozenset({"a", "b", "c"})), 70_000, NO_LABEL, 4, 2)
    second = labels.add(0, labels.flag_number(frozenset()), 1, first, 1, 0)
    assert (labels.node[first], labels.summary[first], labels.parent[first], labels.number[first]) == (39_999, 70_000,
                                                                                                     NO_LABEL, 4)
    assert labels.flag_sets[labels.flags[second]] == frozenset() and labels.parent[second] == first
    assert labels.link[second] == NO_LABEL and labels.alive[second] == 1
    wide = Labels(nodes=70_000, flags=20, most_choices=300, most_backs=70_000)
    assert (wide.node.itemsize, wide.flags.itemsize, wide.number.itemsize, wide.backs.itemsize) == (4, 4, 2, 4)
