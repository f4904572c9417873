"""newsweave.entities"""
