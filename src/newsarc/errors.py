"""Exception types of the library; the CLI turns them into one-line messages."""


class NewsarcError(Exception):
    """Base class for errors a user can act on."""


class SkipPage(NewsarcError):
    """The input is not an article we can store (binary, empty, a listing, ...)."""


class ArchiveError(NewsarcError):
    """The archive cannot be opened or used (newer schema, not a database, ...)."""


class QueryError(NewsarcError):
    """A search query that cannot be understood."""
