"""Pure parsers: ``(bytes, url, content_type) -> model``. No network, clock or database."""
