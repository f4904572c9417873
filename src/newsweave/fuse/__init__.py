"""newsweave.fuse"""
