"""The RSS/Atom feed poller: fetch bytes safely, parse them, produce new items to news.raw."""
