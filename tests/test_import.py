import subprocess
import sys


def test_import_is_light_and_offline():
    code = (
        "import socket, sys\n"
        "def refuse(*a, **k): raise OSError('network used')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "import arabic_entities as ae\n"
        "heavy = [m for m in ('torch', 'transformers', 'camel_tools.data') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
        "doc = ae.extract('التقى ماسك وبوتين في موسكو.')\n"
        "assert doc.mentions\n"
        "heavy = [m for m in ('torch', 'transformers', 'camel_tools.data') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
