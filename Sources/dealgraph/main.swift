print("dealgraph: not yet")
