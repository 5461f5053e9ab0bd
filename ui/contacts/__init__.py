"""The contacts area: the paged table, the editor of one contact, the CSV import wizard."""
