"""newsweave.ingest"""
