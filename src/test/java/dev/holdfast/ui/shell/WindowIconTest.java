package dev.holdfast.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.image.Image;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The window icon is on the class path in every size, each a real image of that size. */
class WindowIconTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void everySizeLoads() {
        assertThat(WindowIcon.images()).extracting(Image::getWidth, Image::getHeight).containsExactlyElementsOf(
                WindowIcon.SIZES.stream().map(s -> org.assertj.core.groups.Tuple.tuple((double) s, (double) s)).toList());
    }
}
