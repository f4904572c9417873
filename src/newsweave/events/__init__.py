"""newsweave.events"""
