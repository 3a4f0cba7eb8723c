"""Reading a file into an Article: plain text and Markdown layouts, saved web pages, the catalog."""
