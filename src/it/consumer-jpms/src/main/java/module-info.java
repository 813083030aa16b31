/** A user's module: the SDK is all it requires. */
module com.example.jpms {
  requires io.github.tcvod;
  exports com.example.jpms;
}
