"""Peak resident memory of this process, measured so that a parent's does not leak in.

`getrusage(RUSAGE_SELF).ru_maxrss` in a child started by a big parent reports the
parent's peak (Linux carries it across fork and exec), so a bench child that measured
itself that way showed the driver's memory holding the whole synthetic world.
`VmHWM` in /proc/self/status belongs to the process's own address space, new at exec.
"""

from __future__ import annotations

import resource
from pathlib import Path

STATUS = Path("/proc/self/status")


def peak_rss_mb() -> float:
    """The high-water mark of this process's resident memory, in MB."""
    if STATUS.exists():
        for line in STATUS.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # not Linux: the best there is
