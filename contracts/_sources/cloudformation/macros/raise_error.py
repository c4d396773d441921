def handler(event, context):
    raise Exception("Exception raised")
