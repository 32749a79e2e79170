"""kgraph: knowledge graphs of CIS/CSTO/SCO security-cooperation meetings from kk/ru/en news."""

__version__ = "0.1.0"
