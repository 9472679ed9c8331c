"""Team: a coach's team members, each kept from their own share links, backups or CSV files,
side by side. `table` adds, renames and removes members, builds the team table with its
averages, medians, heat map and monthly trend, and writes the table as CSV; `links` finds
every share link in a pasted thread and adds many people at once, from links or files.
"""
