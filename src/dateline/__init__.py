"""dateline: turn news articles into browsable static timelines."""

__version__ = "0.1.0"
