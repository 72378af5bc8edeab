"""``praktyki serve``: the dataset in Datasette, with generated metadata (see
:mod:`praktyki.store.browse`), a plugin linking composite keys, and a practice page template."""
