"""newsweave.geo"""
