"""newsweave.eval"""
