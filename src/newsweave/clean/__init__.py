"""newsweave.clean"""
