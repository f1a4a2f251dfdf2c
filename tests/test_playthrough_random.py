"""A random playthrough draws each choice as `randrange(n) + 1`, which must stay `randint(1, n)`.

`play` uses the shorter call for speed; a seed must keep giving the same run it always gave (saved
transcripts and the tests of the shipped scenes name runs by seed).
"""

import random

from hypothesis import given
from hypothesis import strategies as st


@given(st.integers(0, 2**64), st.lists(st.integers(1, 12), min_size=1, max_size=40))
def test_randrange_plus_one_draws_what_randint_draws(seed, counts):
    long_way, short_way = random.Random(seed), random.Random(seed)
    assert [long_way.randint(1, n) for n in counts] == [short_way.randrange(n) + 1 for n in counts]
