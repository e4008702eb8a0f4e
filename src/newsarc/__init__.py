"""newsarc: an offline, searchable archive for Korean news pages."""
from .errors import NewsarcError, SkipPage

__all__ = ["__version__", "NewsarcError", "SkipPage"]


def __getattr__(name: str):
    # read lazily: importlib.metadata costs ~15 ms, paid by every command otherwise
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("newsarc")
        except PackageNotFoundError:  # running from a source tree
            return "0.0.0+src"
    raise AttributeError(name)
