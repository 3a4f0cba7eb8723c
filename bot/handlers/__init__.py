"""What each command does: one async handler per command, answering through the App from one corpus snapshot."""
