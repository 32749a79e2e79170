"""kgraph: knowledge graphs of CIS/CSTO/SCO security-cooperation meetings from kk/ru/en news."""

__version__ = "0.1.0"

__all__ = ["KnowledgeGraph", "__version__"]


def __getattr__(name: str):  # the Python API without importing the store for every CLI call
    if name == "KnowledgeGraph":
        from kgraph.api import KnowledgeGraph

        return KnowledgeGraph
    raise AttributeError(name)
