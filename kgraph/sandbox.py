"""A process-wide ban on network access, for the endpoint's query workers.

Why: Oxigraph follows ``SERVICE`` (and ``LOAD``/``FROM``) by opening HTTP connections, and no
pyoxigraph option turns its HTTP client off. A check of the query text can miss a form nobody
thought of; a kernel filter cannot. Each worker installs a seccomp filter (through ``pyseccomp``,
a ctypes binding of the system's libseccomp) before it opens the store: from then on every
``socket``/``socketpair`` call in that process and all its threads fails with EPERM, so no query,
whatever its shape, can open a connection. The pipe to the parent exists before the filter and
keeps working.

The ban fails closed: where it cannot be installed (no libseccomp, not Linux) the worker refuses to
run and the endpoint says why, unless the operator explicitly chose to run without it.
"""

from __future__ import annotations

import errno

# the calls that create an endpoint of a connection; without them nothing can be sent anywhere
DENIED_SYSCALLS = ("socket", "socketpair")


class SandboxError(RuntimeError):
    """The network ban could not be installed in this process."""


def deny_network() -> None:
    """Make every later ``socket()`` in this process (all threads) fail with EPERM."""
    try:
        import pyseccomp as seccomp
    except ImportError as exc:  # pragma: no cover - a dependency on Linux
        raise SandboxError(f"cannot ban network access: pyseccomp is missing ({exc})") from None
    try:
        rules = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
        for name in DENIED_SYSCALLS:
            rules.add_rule(seccomp.ERRNO(errno.EPERM), name)
        rules.load()
    except Exception as exc:  # libseccomp missing or the kernel refused the filter
        raise SandboxError(f"cannot ban network access with seccomp: {exc}") from None


def network_denied() -> bool:
    """Whether this process can no longer create sockets (used by tests and ``kgraph serve``)."""
    import socket

    try:
        probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    except PermissionError:
        return True
    probe.close()
    return False


__all__ = ["SandboxError", "deny_network", "network_denied"]
