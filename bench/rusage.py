# Runs a command and reports what the kernel counted for it alone, on stderr's last line:
#   ladder-bench <user+system seconds> <peak resident KiB>
# wait4() gives microseconds, where GNU time prints hundredths (truncated): too coarse for a 60 ms run.
# Nothing is loaded into the command itself, so a baseline measured this way costs what it does alone.
import os
import sys

pid = os.fork()
if pid == 0:
    try:
        os.execvp(sys.argv[1], sys.argv[1:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
sys.stderr.write(f"\nladder-bench {usage.ru_utime + usage.ru_stime:.6f} {usage.ru_maxrss}\n")
sys.exit(os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else status >> 8)
