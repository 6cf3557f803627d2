package io.rushes.engine.develop;

/** A camera's colour model as a raw file gives it: the as-shot white, or the one of a kelvin the user asks for. */
@FunctionalInterface
public interface RawColor {
    /** The colour model at the as-shot white ({@code kelvin} null) or at {@code kelvin}. */
    DngColor at(Double kelvin);
}
