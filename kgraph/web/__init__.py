"""The analyst's workbench served by ``kgraph serve``: a SPARQL editor, the query library as forms,
entity pages with their evidence, search by name in any script, a timeline and a map of meetings.

Why a package of its own: the endpoint (``kgraph.server``) keeps its one job, the SPARQL protocol
and its security walls; the workbench is a client of it. Every query the workbench runs goes
through the same worker pool and read-only check as ``/sparql`` (the app passes ``routes`` a
runner that does both), and every asset the page loads is shipped in ``static/`` so it works with
no network at all.
"""

from kgraph.web.api import routes

__all__ = ["routes"]
