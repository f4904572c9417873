"""newsweave.time"""
