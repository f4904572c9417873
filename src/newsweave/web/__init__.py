"""newsweave.web"""
