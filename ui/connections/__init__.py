"""The Connections page: shops, feeds, the mailbox and SMS replies that Postino polls."""
