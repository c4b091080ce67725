# String.upcase/1 called last: the top level tail-calls it, so no frame of the
# file shows under the function clause error, only Code.require_file/2.
String.upcase(:a)
