# classes
