"""Contacts: the manager (create, update with change events), values, CSV import and export."""

from desktop.contacts.manager import Contacts

__all__ = ["Contacts"]
