// Public entry of @descent/tensor: named re-exports only.
export { DescentError, DTypeError, InvalidArgumentError, ShapeError, describeValue, invalidArgument } from "./errors";
export * from "./linalg/index";
