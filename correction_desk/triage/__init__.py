"""The editors' queue: filters, decisions on reports, questions to the reader,
figures, privacy requests and the e-mails to the desk and to readers.
"""
