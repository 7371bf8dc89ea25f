// The messenger widget: the script that the embedding site loads. Its behaviour comes with the widget work.
