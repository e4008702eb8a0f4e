"""newsarc: an offline, searchable archive for Korean news pages."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newsarc")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0+src"

from .errors import NewsarcError, SkipPage  # noqa: E402

__all__ = ["__version__", "NewsarcError", "SkipPage"]
