"""The file cache that the workers of one machine share when there is no Redis."""

import random

from django.core.cache.backends.filebased import FileBasedCache


class SharedFileCache(FileBasedCache):
    """Django's file cache, culled now and then instead of on every write.

    FileBasedCache lists its whole directory on every set() to see whether it is
    over MAX_ENTRIES, so each write gets slower as entries accumulate (measured:
    40% of a report submission). Checking on about one write in a hundred keeps
    the directory bounded at a fraction of the cost.
    """

    cull_check_probability = 0.01

    def _cull(self):
        if random.random() < self.cull_check_probability:
            super()._cull()
